package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/types"
)

const (
	seedCount = 25  // models uploaded to the fake
	maxModels = 200 // the walk stops there, to stay a demo on a big real registry
)

// run seeds the fake, then walks the models.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	if env.Fake != nil {
		if err := seed(ctx, env.Client, w); err != nil {
			return err
		}
	}
	return walk(ctx, env.Client, w)
}

// seed uploads seedCount small models with a few extensions and growing sizes.
func seed(ctx context.Context, c *istari.Client, w io.Writer) error {
	exts := []string{"step", "csv", "json", "stl", "txt"}
	for i := 1; i <= seedCount; i++ {
		name := fmt.Sprintf("part-%02d.%s", i, exts[i%len(exts)])
		body := strings.Repeat("x", i*137)
		if _, err := c.AddModelFromReader(ctx, name, strings.NewReader(body), nil); err != nil {
			return fmt.Errorf("seeding %s: %w", name, err)
		}
	}
	fmt.Fprintf(w, "seeded %d models\n", seedCount)
	return nil
}

// walk prints every model, then the totals.
func walk(ctx context.Context, c *istari.Client, w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tEXT\tSIZE\tCREATED")
	var (
		count int
		total int64
		byExt = map[string]int{}
	)
	params := &istari.ListModelsParams{PageOptions: istari.PageOptions{Size: 10}}
	for item, err := range istari.All(ctx, params, c.ListModels) {
		if err != nil {
			return err
		}
		if count == maxModels {
			fmt.Fprintf(w, "(stopping after %d models)\n", maxModels)
			break
		}
		row, err := describe(ctx, c, item)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", row.id, row.name, row.ext, humanSize(row.size), row.created.Format(time.DateTime))
		count++
		total += row.size
		byExt[row.ext]++
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	exts := make([]string, 0, len(byExt))
	for ext, n := range byExt {
		exts = append(exts, fmt.Sprintf("%s %d", ext, n))
	}
	sort.Strings(exts)
	fmt.Fprintf(w, "%d model(s), %s in total; by extension: %s\n", count, humanSize(total), strings.Join(exts, ", "))
	return nil
}

// row is one line of the table.
type row struct {
	id, name, ext string
	size          int64
	created       time.Time
}

// describe reads a list item: the model's file comes with it, so no more requests are needed unless the
// registry left the size out, when the model itself is fetched.
func describe(ctx context.Context, c *istari.Client, item types.ModelListItem) (row, error) {
	r := row{id: item.ID, name: item.File.Name(), created: item.Created.UTC()}
	r.ext = strings.TrimPrefix(filepath.Ext(r.name), ".")
	if rev := item.File.Revision(); rev != nil && rev.Size != nil {
		r.size = *rev.Size
		return r, nil
	}
	m, err := c.GetModel(ctx, r.id)
	if err != nil {
		return r, fmt.Errorf("reading model %s: %w", r.id, err)
	}
	r.name, r.size = m.Name(), m.File.Size()
	if ext := m.File.Extension(); ext != "" {
		r.ext = strings.TrimPrefix(ext, ".")
	}
	return r, nil
}

// humanSize formats a byte count as B, KiB or MiB.
func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d B", n)
	}
}
