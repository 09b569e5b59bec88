package upload

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/istari-sdk/istari-go/internal/storage"
	"github.com/istari-sdk/istari-go/internal/telemetry"
	"github.com/istari-sdk/istari-go/types"
)

// partURLBatch is how many part URLs are requested per generate_multipart_part_urls call.
const partURLBatch = 100

// Put stores size bytes of ra under (sha, salt): one presigned PUT, or a multipart upload from Threshold bytes
// on.
func (u *Uploader) Put(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	if size >= u.Threshold {
		return u.putMultipart(ctx, sha, salt, ra, size, prog)
	}
	url, err := u.Registry.UploadURL(ctx, sha, salt)
	if err != nil {
		return err
	}
	tctx, span := u.Telemetry.StartTransfer(ctx, telemetry.Upload, 0, size)
	_, err = u.Transfers.Put(tctx, url, ra, 0, size, prog.Part())
	span.EndTransfer(size, err)
	return u.storageErr(err)
}

// putMultipart uploads size bytes of ra in ChunkSize parts, Concurrency at a time. Each part is streamed from
// its own io.SectionReader (no part is held in memory) and retried on its own by the transport. On failure the
// upload is aborted and the error names the upload id.
func (u *Uploader) putMultipart(ctx context.Context, sha, salt string, ra io.ReaderAt, size int64, prog *storage.Progress) error {
	chunk := u.ChunkSize
	n := int((size + chunk - 1) / chunk)
	uploadID, err := u.Registry.CreateMultipart(ctx, &types.NewMultipartUpload{SHA: sha, Salt: salt, Size: size, PartSize: chunk})
	if err != nil {
		return err
	}
	fail := func(cause error) error {
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		if aerr := u.Registry.AbortMultipart(actx, uploadID); aerr != nil {
			u.Logger.WarnContext(ctx, "istari: aborting a multipart upload failed", "upload_id", uploadID, "error", aerr.Error())
		}
		return fmt.Errorf("istari: multipart upload %s (content sha %s) aborted: %w", uploadID, sha, cause)
	}
	urls := make([]string, n)
	for start := 0; start < n; start += partURLBatch {
		nums := make([]int, 0, partURLBatch)
		for i := start; i < min(n, start+partURLBatch); i++ {
			nums = append(nums, i+1)
		}
		got, err := u.Registry.PartURLs(ctx, uploadID, nums)
		if err != nil {
			return fail(err)
		}
		for _, p := range got {
			if p.PartNumber >= 1 && p.PartNumber <= n {
				urls[p.PartNumber-1] = p.URL
			}
		}
	}
	for i, url := range urls {
		if url == "" {
			return fail(fmt.Errorf("no URL for part %d", i+1))
		}
	}

	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	etags := make([]string, n)
	var (
		wg       sync.WaitGroup
		errOnce  sync.Once
		firstErr error
	)
	jobs := make(chan int)
	for range min(u.Concurrency, n) {
		wg.Go(func() {
			for i := range jobs {
				off, n := int64(i)*chunk, min(chunk, size-int64(i)*chunk)
				pctx, span := u.Telemetry.StartTransfer(wctx, telemetry.Upload, i+1, n)
				etag, err := u.Transfers.Put(pctx, urls[i], ra, off, n, prog.Part())
				span.EndTransfer(n, err)
				if err != nil {
					errOnce.Do(func() { firstErr = fmt.Errorf("part %d: %w", i+1, u.storageErr(err)) })
					cancel()
					continue
				}
				etags[i] = etag
			}
		})
	}
feed:
	for i := range n {
		select {
		case jobs <- i:
		case <-wctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return fail(firstErr)
	}
	parts := make([]types.CompletedPart, n)
	for i := range parts {
		parts[i] = types.CompletedPart{PartNumber: i + 1, ETag: etags[i]}
	}
	if err := u.Registry.CompleteMultipart(ctx, uploadID, parts); err != nil {
		return fail(err)
	}
	return nil
}
