package istaritest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/enums"
	"github.com/istari-sdk/istari-go/istaritest"
)

// Start the fake registry and point a client at it: the server's URL and the default user's token are all
// a Configuration needs.
func ExampleNewServer() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	m, err := client.AddModelFromReader(context.Background(), "wing.json", strings.NewReader(`{"span_m":30}`), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(m.File.Name())
	// Output: wing.json
}

// AddUser creates a second, non-admin user with a token of its own: here the owner shares a model with
// Bob, who can then read it.
func ExampleServer_AddUser() {
	srv := istaritest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	owner, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer owner.Close()
	bob := srv.AddUser("bob")
	bobs, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(bob.Token)})
	if err != nil {
		log.Fatal(err)
	}
	defer bobs.Close()

	m, err := owner.AddModelFromReader(ctx, "wing.json", strings.NewReader(`{}`), nil)
	if err != nil {
		log.Fatal(err)
	}
	_, err = bobs.GetModel(ctx, m.ID)
	fmt.Println("before sharing, not found:", errors.Is(err, istari.ErrNotFound))
	if _, err := owner.CreateAccessFor(ctx, m, bob.ID, enums.AccessRelationViewer); err != nil {
		log.Fatal(err)
	}
	got, err := bobs.GetModel(ctx, m.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after sharing:", got.File.Name())
	// Output:
	// before sharing, not found: true
	// after sharing: wing.json
}

// InjectFault makes the next matching request fail, to test how code handles a registry error: here a 403
// from get_model, which errors.Is matches as ErrForbidden.
func ExampleServer_InjectFault() {
	srv := istaritest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	m, err := client.AddModelFromReader(ctx, "wing.json", strings.NewReader(`{}`), nil)
	if err != nil {
		log.Fatal(err)
	}

	srv.InjectFault(istaritest.Fault{Op: "get_model", Status: 403})
	_, err = client.GetModel(ctx, m.ID)
	fmt.Println("forbidden:", errors.Is(err, istari.ErrForbidden))
	_, err = client.GetModel(ctx, m.ID) // the fault was used up
	fmt.Println("then:", err)
	// Output:
	// forbidden: true
	// then: <nil>
}

// HandleFunction runs a simulated agent for a function name (registering the function if needed): jobs for
// it are claimed and completed in the background, and the handler can add artifacts to the model.
func ExampleServer_HandleFunction() {
	srv := istaritest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	srv.HandleFunction("@istari:extract", func(ctx context.Context, job istaritest.JobContext) error {
		return job.AddArtifact("summary.txt", []byte("extracted"))
	})
	m, err := client.AddModelFromReader(ctx, "part.step", strings.NewReader("solid"), nil)
	if err != nil {
		log.Fatal(err)
	}
	job, err := client.AddJob(ctx, m.ID, "@istari:extract", nil)
	if err != nil {
		log.Fatal(err)
	}
	done, err := client.WaitForJob(ctx, job.ID, nil)
	if err != nil {
		log.Fatal(err)
	}
	st, _ := done.Status()
	fmt.Println("job:", st.Name)
	for a, err := range istari.AllOf(ctx, m.ID, &istari.ListArtifactsParams{}, client.ListModelArtifacts) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("artifact:", a.Name())
	}
	// Output:
	// job: Completed
	// artifact: summary.txt
}
