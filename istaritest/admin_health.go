package istaritest

import (
	"net/http"

	"github.com/istari-sdk/istari-go/internal/ops"
)

func init() {
	register(map[ops.ID]handlerFunc{
		ops.LivenessCheck: func(_ *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "alive"})
		},
		ops.ReadinessCheck: func(_ *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
		},
	})
}
