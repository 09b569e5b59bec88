// This file is the body of the sharing example (see main.go).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// secondUser is the other user of the scenario: a client acting as them, their user id and a name to print.
type secondUser struct {
	client *istari.Client
	id     string
	name   string
}

// run plays the scenario, writing a short narrative to w. On the fake it creates the second user; against a
// real registry it reads them from ISTARI_EXAMPLE_SECOND_TOKEN and ISTARI_EXAMPLE_SECOND_USER_ID and, when
// those are unset, says so and returns nil.
func run(ctx context.Context, env *setup.Env, w io.Writer) error {
	other, err := second(env, w)
	if err != nil || other == nil {
		return err
	}
	return share(ctx, env.Client, other, env.Fake, w)
}

// second returns the other user: a new user of the fake, or the one named by the environment.
func second(env *setup.Env, w io.Writer) (*secondUser, error) {
	token, id := os.Getenv(envSecondToken), os.Getenv(envSecondUserID)
	name := id
	if env.Fake != nil {
		u := env.Fake.AddUser("bob")
		token, id, name = u.Token, u.ID, u.Name
	} else if token == "" || id == "" {
		fmt.Fprintf(w, "this example needs a second user of the registry: set %s and %s\n", envSecondToken, envSecondUserID)
		return nil, nil
	}
	c, err := env.ClientWithToken(token)
	if err != nil {
		return nil, err
	}
	return &secondUser{client: c, id: id, name: name}, nil
}

// share: the owner uploads a model and shares it with the other user as a viewer, who can then read it but
// not update it.
func share(ctx context.Context, owner *istari.Client, other *secondUser, srv *istaritest.Server, w io.Writer) error {
	me, err := owner.GetCurrentUser(ctx)
	if err != nil {
		return fmt.Errorf("who is the owner: %w", err)
	}
	fmt.Fprintf(w, "owner: %s, other user: %s\n", name(me), other.name)

	model, err := owner.AddModelFromReader(ctx, "bracket.txt", strings.NewReader("bracket v1\n"),
		&istari.UploadOptions{Description: istari.Ptr("a shared bracket")})
	if err != nil {
		return fmt.Errorf("uploading the model: %w", err)
	}
	fmt.Fprintf(w, "%s uploaded model %s\n", name(me), model.ID)

	// Before sharing, the model is invisible to the other user: the registry answers 404, not 403.
	if _, err := other.client.GetModel(ctx, model.ID); !errors.Is(err, istari.ErrNotFound) {
		return fmt.Errorf("before sharing, reading the model should fail with ErrNotFound, got %w", err)
	}
	fmt.Fprintf(w, "before sharing, %s cannot see it (not found)\n", other.name)

	if _, err := owner.CreateAccessFor(ctx, model, other.id, enums.AccessRelationViewer); err != nil {
		return fmt.Errorf("sharing the model: %w", err)
	}
	fmt.Fprintf(w, "%s shared it with %s as %s\n", name(me), other.name, enums.AccessRelationViewer)

	seen, err := other.client.GetModel(ctx, model.ID)
	if err != nil {
		return fmt.Errorf("the viewer reading the model: %w", err)
	}
	fmt.Fprintf(w, "%s reads model %s (%s)\n", other.name, seen.ID, seen.Name())
	rels, err := other.client.ListAccessFor(ctx, seen)
	if err != nil {
		return fmt.Errorf("the viewer listing who has access: %w", err)
	}
	for _, r := range rels {
		fmt.Fprintf(w, "  %s: %s\n", r.SubjectID, r.Relation)
	}

	_, err = other.client.UpdateModelFromReader(ctx, model.ID, "bracket.txt", strings.NewReader("bracket v2\n"), nil)
	switch {
	case err == nil:
		return errors.New("a viewer could update the model; expected ErrForbidden")
	case !errors.Is(err, istari.ErrForbidden):
		return fmt.Errorf("updating as a viewer: expected ErrForbidden, got %w", err)
	}
	fmt.Fprintf(w, "%s cannot update it, as expected: %v\n", other.name, err)

	if srv != nil {
		fmt.Fprintf(w, "the fake registry served %d requests\n", len(srv.Requests()))
	}
	return nil
}

func name(u *types.User) string {
	if u.UserName != nil && *u.UserName != "" {
		return *u.UserName
	}
	return u.ID
}

// The environment variables naming the second user against a real registry.
const (
	envSecondToken  = "ISTARI_EXAMPLE_SECOND_TOKEN"
	envSecondUserID = "ISTARI_EXAMPLE_SECOND_USER_ID"
)
