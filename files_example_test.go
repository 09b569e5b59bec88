package istari_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// Upload a model from memory, then read it back. The SDK computes the content checksum while streaming and
// verifies it again on every read.
func ExampleClient_AddModelFromReader() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	model, err := client.AddModelFromReader(ctx, "wing.csv", strings.NewReader("span_m,sweep_deg\n30,25\n"),
		&istari.UploadOptions{DisplayName: istari.Ptr("Wing"), VersionName: istari.Ptr("v1")})
	if err != nil {
		log.Fatal(err)
	}
	rev := model.Revision() // the current revision
	fmt.Println("name:", model.Name())
	fmt.Println("display name:", *rev.DisplayName)
	fmt.Println("size:", model.File.Size())

	text, err := client.ReadText(ctx, rev.ContentToken())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print("content: ", text)

	// Upload a second revision; the model keeps its id and gains a revision.
	model, err = client.UpdateModelFromReader(ctx, model.ID, "wing.csv", strings.NewReader("span_m,sweep_deg\n32,27\n"),
		&istari.UploadOptions{VersionName: istari.Ptr("v2")})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("revisions:", len(model.File.Revisions), "current:", *model.Revision().VersionName)
	// Output:
	// name: wing.csv
	// display name: Wing
	// size: 23
	// content: span_m,sweep_deg
	// 30,25
	// revisions: 2 current: v2
}
