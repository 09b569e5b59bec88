package istari_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// Digital thread basics: a system whose configuration tracks the latest revision of a model, a snapshot that
// pins those revisions, and a baseline tag on it. A new revision of the model then makes the next snapshot
// differ.
func ExampleClient_CreateSnapshot() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	wing, err := client.AddModelFromReader(ctx, "wing.json", strings.NewReader(`{"span_m": 30}`), nil)
	if err != nil {
		log.Fatal(err)
	}
	sys, err := client.CreateSystem(ctx, &types.NewSystem{Name: "Demo aircraft", Description: "digital thread example"})
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := client.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{
		Name: "main",
		TrackedFiles: []types.NewTrackedFile{
			{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: wing.File.ID},
		},
	})
	if err != nil {
		log.Fatal(err)
	}

	// newest returns the snapshot that currently represents the configuration.
	newest := func() *types.Snapshot {
		page, err := client.ListSnapshots(ctx, &istari.ListSnapshotsParams{
			ConfigurationID: &cfg.ID, Sort: istari.Ptr("-created"), PageOptions: istari.PageOptions{Size: 1},
		})
		if err != nil {
			log.Fatal(err)
		}
		return &page.Items[0]
	}

	// The registry snapshots a new configuration itself, so snapshotting it again changes nothing.
	res, err := client.CreateSnapshot(ctx, cfg.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first snapshot call:", res.Kind())
	first := newest()

	if _, err := client.CreateTag(ctx, first.ID, &types.NewSnapshotTag{Tag: "baseline"}); err != nil {
		log.Fatal(err)
	}
	baseline, err := client.GetSystemBaseline(ctx, sys.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("baseline is the first snapshot:", baseline.SnapshotID == first.ID)

	// A new revision of the tracked model: the next snapshot captures it.
	if _, err := client.UpdateModelFromReader(ctx, wing.ID, "wing.json", strings.NewReader(`{"span_m": 32}`), nil); err != nil {
		log.Fatal(err)
	}
	res, err = client.CreateSnapshot(ctx, cfg.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("second snapshot call:", res.Kind())
	fmt.Println("new snapshot differs:", res.Snapshot.ID != first.ID)

	revs, err := client.ListSnapshotRevisions(ctx, res.Snapshot.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("revisions pinned:", len(revs.Items))
	// Output:
	// first snapshot call: no_op
	// baseline is the first snapshot: true
	// second snapshot call: snapshot
	// new snapshot differs: true
	// revisions pinned: 1
}
