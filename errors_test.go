package istari

import (
	"net/http"
	"testing"
)

// FuzzErrorDetail: any error body decodes to a detail without panicking and never grows beyond it.
func FuzzErrorDetail(f *testing.F) {
	f.Add([]byte(`{"detail":"Model not found"}`))
	f.Add([]byte(`{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"}]}`))
	f.Add([]byte(`{"detail":{"nested":true}}`))
	f.Add([]byte(`no route`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := newAPIError("get_model", "GET", "/api/v2/models/x", 400, http.Header{}, body, 1)
		_ = e.Error()
	})
}
