package istari_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/istaritest"
)

// A registry answer other than 2xx is an *APIError. Branch on its status with errors.Is and the sentinels
// (ErrNotFound, ErrForbidden, ...); read its fields with errors.As.
func ExampleAPIError() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	_, err = client.GetModel(context.Background(), "00000000-0000-4000-8000-000000000000")
	fmt.Println("not found:", errors.Is(err, istari.ErrNotFound))

	var apiErr *istari.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("status:", apiErr.StatusCode)
		fmt.Println("operation:", apiErr.OperationID)
		fmt.Println("method:", apiErr.Method)
	}
	// Output:
	// not found: true
	// status: 404
	// operation: get_model
	// method: GET
}

// A parameter that breaks a local rule fails with *ValidationError before any request is sent.
func ExampleValidationError() {
	srv := istaritest.NewServer()
	defer srv.Close()
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()

	// The registry serves at most 100 items per page.
	_, err = client.ListModels(context.Background(), &istari.ListModelsParams{PageOptions: istari.PageOptions{Size: 500}})
	var verr *istari.ValidationError
	if errors.As(err, &verr) {
		fmt.Println("field:", verr.Field, "rule:", verr.Rule, verr.Param)
	}
	fmt.Println("requests sent:", len(srv.RequestsFor("list_models")))
	// Output:
	// field: size rule: lte 100
	// requests sent: 0
}
