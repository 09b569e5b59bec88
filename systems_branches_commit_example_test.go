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

// Branching a system: a branch starts at the baseline, a commit adds one model's revision and removes
// another, a rollback undoes it, and the rollback itself is recorded in the branch's history.
func ExampleClient_CommitToBranch() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	upload := func(name, content string) *types.Model {
		m, err := client.AddModelFromReader(ctx, name, strings.NewReader(content), nil)
		if err != nil {
			log.Fatal(err)
		}
		return m
	}
	wing, engine, tail := upload("wing.json", `{"span_m": 30}`), upload("engine.csv", "thrust,120\n"), upload("tail.json", `{"area_m2": 12}`)

	// A system whose baseline tracks the wing and the engine.
	sys, err := client.CreateSystem(ctx, &types.NewSystem{Name: "Demo aircraft", Description: "branching example"})
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := client.CreateConfiguration(ctx, sys.ID, &types.NewSystemConfiguration{Name: "main", TrackedFiles: []types.NewTrackedFile{
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: wing.File.ID},
		{SpecifierType: enums.TrackedFileSpecifierTypeLatest, FileID: engine.File.ID},
	}})
	if err != nil {
		log.Fatal(err)
	}
	snaps, err := client.ListSnapshots(ctx, &istari.ListSnapshotsParams{ConfigurationID: &cfg.ID, PageOptions: istari.PageOptions{Size: 1}})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.CreateTag(ctx, snaps.Items[0].ID, &types.NewSnapshotTag{Tag: istari.BaselineBranch}); err != nil {
		log.Fatal(err)
	}

	files := func(b *types.SnapshotTag) int {
		items, err := client.ListBranchRevisions(ctx, b, nil)
		if err != nil {
			log.Fatal(err)
		}
		return len(items)
	}

	branch, err := client.CreateBranch(ctx, sys.ID, "design-b", nil) // nil: from the baseline
	if err != nil {
		log.Fatal(err)
	}
	branch, err = client.CommitToBranch(ctx, sys.ID, branch, istari.BranchChange{
		Add:    []istari.BranchRevision{istari.BranchRevisionFromFileRevision(tail.File.Revision())},
		Remove: []istari.BranchRevision{istari.BranchRevisionFromFileRevision(engine.File.Revision())},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("files on design-b after the commit:", files(branch))

	if _, err := client.RollbackBranch(ctx, branch, 1); err != nil {
		log.Fatal(err)
	}
	history, err := client.BranchHistory(ctx, branch)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("history entries:", len(history))
	fmt.Println("rolled back to the baseline:", history[0].SnapshotID == snaps.Items[0].ID)
	// Output:
	// files on design-b after the commit: 2
	// history entries: 3
	// rolled back to the baseline: true
}
