package main

import (
	"strings"
	"testing"

	"github.com/istari-sdk/istari-go/examples/internal/exampletest"
)

func TestRun(t *testing.T) {
	res := exampletest.Run(t, run)
	if res.Err != nil {
		t.Fatalf("run: %v\n%s", res.Err, res.Out)
	}
	exampletest.Contains(t, res.Out,
		"example.workload",
		"\n  istari.AddModel",
		"    istari.upload_part  istari.transfer.part=1 istari.transfer.bytes=65536\n"+
			"      PUT  http.response.status_code=503 error.type=503 ERROR\n"+
			"      PUT  http.request.resend_count=1 http.response.status_code=200\n",
		"istari.cache  istari.cache.result=miss",
		"istari.cache  istari.cache.result=hit",
		"istari.job_poll  istari.job.poll=1",
		"istari.get_model  error.type=not_found ERROR",
		"GET /api/v2/models/{model_id}  http.response.status_code=404",
		"istari.client.call.duration{istari.operation=AddModel,istari.outcome=ok} count=1",
		"istari.client.call.duration{istari.operation=ReadContents,istari.outcome=ok} count=2",
		"istari.client.http.retries{http.request.method=PUT,istari.operation=storage} = 1",
		"istari.client.transfer.bytes{istari.transfer.direction=download} = 163840",
		"istari.client.transfer.active{istari.transfer.direction=upload} = 0",
		"istari.client.cache.lookups{istari.cache.result=hit} = 1",
	)
	if n := strings.Count(res.Out, "istari.client.call.duration{istari.operation=AddModel"); n != 1 {
		t.Errorf("metrics printed %d times, want once", n)
	}
}
