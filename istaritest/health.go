package istaritest

import "net/http"

func init() {
	register(map[string]handlerFunc{
		"liveness_check": func(_ *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "alive"})
		},
		"readiness_check": func(_ *Server, w http.ResponseWriter, _ *http.Request, _ *call) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
		},
	})
}
