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
