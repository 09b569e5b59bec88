package istari

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/istari-sdk/istari-go/internal/ops"
)

// wireSeen records every operation that a mockClient test sent on the wire (method and path matched
// against the operation table).
var wireSeen sync.Map

// wireRecorder wraps the httpmock transport of mockClient and records the operation of each request.
type wireRecorder struct{ next http.RoundTripper }

func (w wireRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	if op, _, ok := ops.Builtin().Match(r.Method, r.URL.EscapedPath()); ok {
		wireSeen.Store(op.ID, true)
	}
	if rest, ok := strings.CutPrefix(r.URL.EscapedPath(), "/identity/"); ok {
		if op, _, ok := ops.Identity().Match(r.Method, "/"+rest); ok {
			wireSeen.Store(op.ID, true)
		}
	}
	return w.next.RoundTrip(r)
}

// TestMain runs the tests and then, when the whole package ran (no -run filter), checks that every wire
// operation of the operation table was exercised by at least one httpmock wire test: method, path, query
// and body are asserted there, so an operation missing from this list has no wire test.
func TestMain(m *testing.M) {
	code := m.Run()
	if f := flag.Lookup("test.run"); code == 0 && f != nil && f.Value.String() == "" {
		var missing []string
		for _, op := range append(ops.Builtin().All(), ops.Identity().All()...) {
			if _, ok := wireSeen.Load(op.ID); !ok {
				missing = append(missing, op.ID)
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: %d operations have no httpmock wire test: %s\n", len(missing), strings.Join(missing, ", "))
			code = 1
		}
	}
	os.Exit(code)
}
