package storage

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/istari-sdk/istari-go/internal/transport"
)

func TestURLPolicy(t *testing.T) {
	httpsReg := NewURLPolicy("https://registry.example.com", false)
	httpLoop := NewURLPolicy("http://127.0.0.1:8080", false)
	relaxed := NewURLPolicy("https://registry.example.com", true)
	cases := []struct {
		p   URLPolicy
		url string
		ok  bool
	}{
		{httpsReg, "https://bucket.s3.amazonaws.com/o?X-Amz-Signature=s", true},
		{httpsReg, "http://bucket.s3.amazonaws.com/o", false},
		{httpsReg, "https://169.254.169.254/latest", false},
		{httpsReg, "https://[fe80::1%25eth0]/x", false},
		{httpsReg, "https://127.0.0.1/x", false},
		{httpsReg, "https://[::1]/x", false},
		{httpsReg, "https://localhost/x", false},
		{httpsReg, "https://a.localhost./x", false},
		{httpsReg, "https://0.0.0.0/x", false},
		{httpsReg, "https://u:p@bucket/x", false},
		{httpsReg, "ftp://bucket/x", false},
		{httpsReg, "https:///x", false},
		{httpsReg, "https://b/%zz", false},
		{httpLoop, "http://127.0.0.1:9000/o", true},
		{httpLoop, "http://localhost:9000/o", true},
		{httpLoop, "https://bucket.example/o", true},
		{httpLoop, "http://169.254.169.254/o", false},
		{relaxed, "http://127.0.0.1:9000/o", true},
		{relaxed, "http://169.254.169.254/o", true},
		{relaxed, "http://u:p@127.0.0.1:9000/o", false},
	}
	for _, c := range cases {
		err := c.p.Check(c.url)
		if c.ok {
			assert.NoError(t, err, c.url)
			continue
		}
		require.ErrorIs(t, err, ErrURLRefused, c.url)
		assert.NotContains(t, err.Error(), "u:p", c.url)
	}
}

// A storage transfer whose presigned URL redirects to a host the policy refuses stops at the redirect.
func TestTransferRedirectChecked(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data", http.StatusFound)
	}))
	defer srv.Close()
	p := NewURLPolicy(srv.URL, false)
	x := &Transfers{TR: transport.New(transport.Options{MaxAttempts: 1}), Policy: &p}
	_, _, err := x.Get(context.Background(), srv.URL+"/o?sig=s")
	require.Error(t, err)
	assert.True(t, errors.Is(err, transport.ErrRedirectRefused) && errors.Is(err, ErrURLRefused), "%v", err)
	assert.Contains(t, err.Error(), "link-local")
	assert.EqualValues(t, 1, hits.Load())
}

// The object store's error body echoes the signature (S3 does, in SignatureProvided): it is scrubbed.
func TestStatusErrorScrubsPresignedQuery(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo", r.URL.RawQuery)
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte("<Error><SignatureProvided>" + r.URL.Query().Get("X-Amz-Signature") + "</SignatureProvided><Q>" + r.URL.RawQuery + "</Q></Error>"))
	}))
	defer srv.Close()
	x := &Transfers{TR: transport.New(transport.Options{MaxAttempts: 1})}
	_, _, err := x.Get(context.Background(), srv.URL+"/o?X-Amz-Signature=deadbeefcafe&X-Amz-Credential=AKIA%2Fscope")
	var se *StatusError
	require.ErrorAs(t, err, &se)
	for _, text := range []string{string(se.Body), strings.Join(se.Header.Values("X-Echo"), ","), se.Error()} {
		assert.NotContains(t, text, "deadbeefcafe")
		assert.NotContains(t, text, "AKIA")
	}
}
