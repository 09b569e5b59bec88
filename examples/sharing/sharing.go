//go:build pending

// Package main (example "sharing"): two users on the fake registry. The owner uploads a model and shares
// it with the other user as a viewer; the other user can read the model and its access list, and trying to
// update it fails with a clear istari.ErrForbidden.
//
// The file is built only with the "pending" tag until the upload calls (AddModelFromReader,
// UpdateModelFromReader) are merged; the lead wires run into a main program then.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
	"github.com/istari-sdk/istari-go/types"
)

// modelUploader is the part of *istari.Client this example needs from the files domain.
type modelUploader interface {
	AddModelFromReader(ctx context.Context, name string, r io.Reader, opts *istari.UploadOptions) (*types.Model, error)
	UpdateModelFromReader(ctx context.Context, modelID, name string, r io.Reader, opts *istari.UploadOptions) (*types.Model, error)
}

// run plays the scenario: owner and other are clients of two different users of the same registry; srv is
// the fake they talk to (nil against a real registry). It writes a short narrative to w.
func run(ctx context.Context, owner, other *istari.Client, srv *istaritest.Server, w io.Writer) error {
	var ownerUp, otherUp modelUploader = owner, other

	me, err := owner.GetCurrentUser(ctx)
	if err != nil {
		return fmt.Errorf("who is the owner: %w", err)
	}
	them, err := other.GetCurrentUser(ctx)
	if err != nil {
		return fmt.Errorf("who is the other user: %w", err)
	}
	fmt.Fprintf(w, "owner: %s, other user: %s\n", name(me), name(them))

	model, err := ownerUp.AddModelFromReader(ctx, "bracket.txt", strings.NewReader("bracket v1\n"),
		&istari.UploadOptions{Description: istari.Ptr("a shared bracket")})
	if err != nil {
		return fmt.Errorf("uploading the model: %w", err)
	}
	fmt.Fprintf(w, "%s uploaded model %s\n", name(me), model.ID)

	// Before sharing, the model is invisible to the other user: the registry answers 404, not 403.
	if _, err := other.GetModel(ctx, model.ID); !errors.Is(err, istari.ErrNotFound) {
		return fmt.Errorf("before sharing, reading the model should fail with ErrNotFound, got %v", err)
	}
	fmt.Fprintf(w, "before sharing, %s cannot see it (not found)\n", name(them))

	if _, err := owner.CreateAccessFor(ctx, model, them.ID, enums.AccessRelationViewer); err != nil {
		return fmt.Errorf("sharing the model: %w", err)
	}
	fmt.Fprintf(w, "%s shared it with %s as %s\n", name(me), name(them), enums.AccessRelationViewer)

	seen, err := other.GetModel(ctx, model.ID)
	if err != nil {
		return fmt.Errorf("the viewer reading the model: %w", err)
	}
	fmt.Fprintf(w, "%s reads model %s (%s)\n", name(them), seen.ID, seen.Name())
	rels, err := other.ListAccessFor(ctx, seen)
	if err != nil {
		return fmt.Errorf("the viewer listing who has access: %w", err)
	}
	for _, r := range rels {
		fmt.Fprintf(w, "  %s: %s\n", r.SubjectID, r.Relation)
	}

	_, err = otherUp.UpdateModelFromReader(ctx, model.ID, "bracket.txt", strings.NewReader("bracket v2\n"), nil)
	switch {
	case err == nil:
		return errors.New("a viewer could update the model; expected ErrForbidden")
	case !errors.Is(err, istari.ErrForbidden):
		return fmt.Errorf("updating as a viewer: expected ErrForbidden, got %w", err)
	}
	fmt.Fprintf(w, "%s cannot update it, as expected: %v\n", name(them), err)

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
