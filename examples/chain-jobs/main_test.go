package main

import (
	"bytes"
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	istari "github.com/istari-sdk/istari-go"
	"github.com/istari-sdk/istari-go/examples/internal/setup"
	"github.com/istari-sdk/istari-go/istaritest"
)

func TestRunChainsTwoJobsOnAFreshFake(t *testing.T) {
	srv := istaritest.NewServer()
	t.Cleanup(srv.Close)
	client, err := istari.NewClient(istari.Configuration{RegistryURL: srv.URL, RegistryAuthToken: istari.Secret(srv.Token())})
	require.NoError(t, err)
	t.Cleanup(func() { _ = client.Close() })
	env := &setup.Env{Client: client, Fake: srv}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out bytes.Buffer
	require.NoError(t, run(ctx, env, &out))
	text := out.String()

	assert.Equal(t, 1, strings.Count(text, "@istari:extract: Completed"), text)
	assert.Equal(t, 1, strings.Count(text, "@example:summarize: Completed"), text)
	assert.NotContains(t, text, "Failed")

	// The second job ran on the first job's artifact and cites its revision as extracted_from.
	m := regexp.MustCompile(`produced artifact (\S+) \(extract\.json\)`).FindStringSubmatch(text)
	require.Len(t, m, 2, text)
	artifact, err := client.GetArtifact(ctx, m[1])
	require.NoError(t, err)
	assert.Contains(t, text, "parameters cite revision "+artifact.Revision().ID+" (extracted_from)")
	jobs, err := client.ListModelJobs(ctx, artifact.ID, nil)
	require.NoError(t, err)
	require.Len(t, jobs.Items, 1)
	assert.Equal(t, "@example:summarize", jobs.Items[0].Function.Name)

	// Both artifacts are printed with their content, and the summary is computed from the extract.
	line := func(prefix string) map[string]any {
		for _, l := range strings.Split(text, "\n") {
			if rest, ok := strings.CutPrefix(l, prefix); ok {
				var v map[string]any
				require.NoError(t, json.Unmarshal([]byte(rest), &v), l)
				return v
			}
		}
		t.Fatalf("no line %q in\n%s", prefix, text)
		return nil
	}
	extract := line("extract.json: ")
	assert.Equal(t, map[string]any{"bolt": 0.25, "bracket": 1.5, "plate": 4.0}, extract["values"])
	summary := line("summary.json: ")
	assert.Equal(t, map[string]any{"count": 3.0, "total": 5.75, "unit": "kg"}, summary)
}
