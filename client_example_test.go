package istari_test

import (
	"context"
	"fmt"
	"log"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// This example connects to a registry and checks that it accepts this SDK. It runs against the fake registry of
// package istaritest; against a real registry, build the Configuration with ConfigurationFromEnv instead.
func Example() {
	srv := istaritest.NewServer() // a fake registry on loopback
	defer srv.Close()

	client, err := istari.NewClient(istari.Configuration{
		RegistryURL:       srv.URL,
		RegistryAuthToken: istari.Secret(srv.Token()),
	})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	ctx := context.Background()
	compat, err := client.CheckCompatibility(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if compat == nil {
		fmt.Println("no compatibility headers (an older registry)")
		return
	}
	fmt.Println("registry version:", *compat.ServerVersion)
	fmt.Println("verdict:", *compat.Status)

	me, err := client.GetCurrentUser(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("signed in:", me.ID != "")
	// Output:
	// registry version: 11.4.0-fake
	// verdict: compatible
	// signed in: true
}
