//go:build pending

package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/types"
)

// TestRunAgainstTheFake runs the example end to end against the embedded fake registry.
func TestRunAgainstTheFake(t *testing.T) {
	t.Setenv("ISTARI_REGISTRY_URL", "")
	t.Setenv("ISTARI_DIGITAL_API_URL", "")
	var out bytes.Buffer
	env, err := setup.Connect(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	if err := run(context.Background(), env, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	assertOutput(t, out.String())
}

// TestThreadWithSeededUploads runs the walk-through with uploads emulated by the fake's seeding, so the
// systems part can be checked on its own.
func TestThreadWithSeededUploads(t *testing.T) {
	t.Setenv("ISTARI_REGISTRY_URL", "")
	t.Setenv("ISTARI_DIGITAL_API_URL", "")
	var out bytes.Buffer
	env, err := setup.Connect(&out)
	if err != nil {
		t.Fatal(err)
	}
	defer env.Close()
	defer func() { t.Log(out.String()) }()
	if err := thread(context.Background(), env.Client, &seedUploader{env: env}, &out); err != nil {
		t.Fatalf("thread: %v\n%s", err, out.String())
	}
	assertOutput(t, out.String())
}

func assertOutput(t *testing.T, got string) {
	t.Helper()
	for _, want := range []string{"nothing changed since snapshot", `as "baseline"`, "1 file(s) changed", "  wing.json: revision "} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "engine.csv: revision") {
		t.Errorf("engine.csv did not change:\n%s", got)
	}
}

// seedUploader stands in for the upload methods with the fake's SeedModel and SeedRevision.
type seedUploader struct {
	env   *setup.Env
	files map[string]string // model id -> file id
}

func (u *seedUploader) AddModelFromReader(ctx context.Context, name string, r io.Reader, _ *istari.UploadOptions) (*types.Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	f := u.env.Fake.SeedModel(u.env.Fake.Owner(), name, b)
	if u.files == nil {
		u.files = map[string]string{}
	}
	u.files[f.ModelID] = f.FileID
	return &types.Model{ID: f.ModelID, File: types.File{ID: f.FileID}}, nil
}

func (u *seedUploader) UpdateModelFromReader(ctx context.Context, modelID, name string, r io.Reader, _ *istari.UploadOptions) (*types.Model, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	u.env.Fake.SeedRevision(u.env.Fake.Owner(), u.files[modelID], name, b)
	return &types.Model{ID: modelID, File: types.File{ID: u.files[modelID]}}, nil
}
