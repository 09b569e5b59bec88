package istari_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// List models one page at a time, then walk every page with Page.All. Unset filters are not sent, so the
// registry applies its defaults.
func ExampleClient_ListModels() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	for _, name := range []string{"a.csv", "b.csv", "c.csv", "d.csv", "e.csv"} {
		if _, err := client.AddModelFromReader(ctx, name, strings.NewReader("x\n1\n"), nil); err != nil {
			log.Fatal(err)
		}
	}

	first, err := client.ListModels(ctx, &istari.ListModelsParams{PageOptions: istari.PageOptions{Size: 2}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("first page:", len(first.Items), "of", *first.Total, "in", *first.Pages, "pages; more:", first.HasNext())

	// All continues from this page with the same filters, fetching the next pages lazily.
	n := 0
	for _, err := range first.All(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Println("walked:", n)
	// Output:
	// first page: 2 of 5 in 3 pages; more: true
	// walked: 5
}

// All walks every item of any list method, from the first page, given the method and its parameters.
// Breaking out of the loop stops the fetching.
func ExampleAll() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	for _, name := range []string{"engine.csv", "wing.json", "tail.json"} {
		if _, err := client.AddFileFromReader(ctx, name, strings.NewReader("{}"), nil); err != nil {
			log.Fatal(err)
		}
	}

	params := &istari.ListFilesParams{PageOptions: istari.PageOptions{Size: 1}, Sort: istari.Ptr("created")}
	for file, err := range istari.All(ctx, params, client.ListFiles) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(file.Name())
	}
	// Output:
	// engine.csv
	// wing.json
	// tail.json
}

// Walk every model, printing the typed ID and the file name of each row.
func ExampleAll_listModels() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	want := map[string]string{}
	for _, name := range []string{"engine.csv", "wing.csv"} {
		m, err := client.AddModelFromReader(ctx, name, strings.NewReader("x\n1\n"), nil)
		if err != nil {
			log.Fatal(err)
		}
		want[m.ID] = name
	}

	params := &istari.ListModelsParams{Sort: istari.Ptr("created")}
	for m, err := range istari.All(ctx, params, client.ListModels) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(m.File.Name(), want[m.ID] == m.File.Name())
	}
	// Output:
	// engine.csv true
	// wing.csv true
}

// AllOf walks a list that belongs to a parent resource, here the artifacts of one model, binding the
// model's id so the loop stays one expression.
func ExampleAllOf() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	model, err := client.AddModelFromReader(ctx, "engine.csv", strings.NewReader("x\n1\n"), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range []string{"thrust.png", "drag.png", "mass.png"} {
		if _, err := client.AddArtifactFromReader(ctx, model.ID, name, strings.NewReader("png"), nil); err != nil {
			log.Fatal(err)
		}
	}

	params := &istari.ListArtifactsParams{PageOptions: istari.PageOptions{Size: 2}, Sort: istari.Ptr("created")}
	for a, err := range istari.AllOf(ctx, model.ID, params, client.ListModelArtifacts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Name())
	}
	// Output:
	// thrust.png
	// drag.png
	// mass.png
}
