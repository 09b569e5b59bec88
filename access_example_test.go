package istari_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// Share a model with a second user as a viewer. Before the share the model is invisible to that user
// (ErrNotFound); after it, the user can read it but not change who has access.
func ExampleClient_CreateAccess() {
	srv := istaritest.NewServer()
	defer srv.Close()
	connect := func(token string) *istari.Client {
		c, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(token)})
		if err != nil {
			log.Fatal(err)
		}
		return c
	}
	owner := connect(srv.Token())
	defer owner.Close()
	bob := srv.AddUser("bob") // a second, non-admin user of the fake registry
	asBob := connect(bob.Token)
	defer asBob.Close()
	ctx := context.Background()

	model, err := owner.AddModelFromReader(ctx, "wing.csv", strings.NewReader("span_m\n30\n"), nil)
	if err != nil {
		log.Fatal(err)
	}
	_, err = asBob.GetModel(ctx, model.ID)
	fmt.Println("bob before the share, not found:", errors.Is(err, istari.ErrNotFound))

	rel, err := owner.CreateAccess(ctx, &types.AccessRelationship{
		SubjectType:  enums.AccessSubjectTypeUser,
		SubjectID:    bob.ID,
		Relation:     enums.AccessRelationViewer,
		ResourceType: enums.AccessResourceTypeModel,
		ResourceID:   model.ID,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("granted:", rel.Relation)

	got, err := asBob.GetModel(ctx, model.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("bob reads:", got.Name())

	// A viewer cannot share further.
	_, err = asBob.CreateAccessFor(ctx, got, bob.ID, enums.AccessRelationOwner)
	fmt.Println("bob shares, forbidden:", errors.Is(err, istari.ErrForbidden))

	rels, err := owner.ListModelAccess(ctx, model.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("relationships on the model:", len(rels))
	// Output:
	// bob before the share, not found: true
	// granted: viewer
	// bob reads: wing.csv
	// bob shares, forbidden: true
	// relationships on the model: 2
}
