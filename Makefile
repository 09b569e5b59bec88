# istari-go developer commands. `make test` is the test command CI runs.
GO        ?= go
LINT_VER  ?= v2.6.2
GOBIN     ?= $(shell $(GO) env GOPATH)/bin
GOLANGCI  ?= $(GOBIN)/golangci-lint
# The published Python client the operation table and the fake are checked against (make pyref, make crosscheck).
PYREF_VERSION ?= 13.3.4
# The spec directory lets the operation-table test compare every row with operations.md.
SPEC_DIR  ?= $(abspath $(firstword $(wildcard ../shared/spec /work/shared/spec)))

.PHONY: test vet lint lint-install cover bench bench-transfers bench-perf bench-telemetry bench-walk fuzz specdiff examples quickstart pyref crosscheck

## test: vet, then every test with the race detector (examples included). internal/testprogress runs go test
## -json: it keeps go test's "ok"/"FAIL" line per package, prints failing tests in full and a progress line
## every 20 seconds. TEST_FLAGS adds go test flags (e.g. TEST_FLAGS=-v).
test: vet
	ISTARI_SPEC_TABLE=$(if $(SPEC_DIR),$(SPEC_DIR)/operations.md) $(GO) run ./internal/testprogress -race -count=1 $(TEST_FLAGS) ./...

vet:
	$(GO) vet ./...

## lint: golangci-lint with .golangci.yml (installs it when missing)
lint: lint-install
	$(GOLANGCI) run ./...

lint-install:
	@test -x $(GOLANGCI) || GOFLAGS= $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(LINT_VER)

## cover: test coverage summary in coverage.out
cover:
	$(GO) test -count=1 -coverprofile=coverage.out ./...
	$(GO) tool cover -func=coverage.out | tail -n 1

## bench: large transfers (separate processes) and small calls, each beside its plain baseline
bench: bench-transfers bench-perf bench-telemetry

## bench-transfers: uploads, downloads (cache on and off) and cache hits of BENCH_SIZE, SDK and baseline each in
## its own process against one fake registry process, BENCH_RUNS alternating runs, ratios as min/median/max,
## whole-process peak RSS; files live in BENCH_DIR (a tmpfs when /dev/shm exists)
BENCH_SIZE ?= 1GiB
BENCH_RUNS ?= 5
BENCH_DIR  ?= $(if $(wildcard /dev/shm),/dev/shm/istari-bench,)
bench-transfers:
	$(GO) run ./internal/bench -size $(BENCH_SIZE) -runs $(BENCH_RUNS) -rss-sizes 64MiB $(if $(BENCH_DIR),-dir $(BENCH_DIR))

bench-perf:
	$(GO) test -run='^$$' -bench='BenchmarkPerf(GetModel|ConcurrentGetModel)' -benchtime=3000x -count=3 .

## bench-telemetry: GetModel uninstrumented, with no OpenTelemetry provider installed, and with an SDK provider
bench-telemetry:
	$(GO) test -run='^$$' -bench='BenchmarkPerfTelemetryGetModel' -benchtime=3000x -count=3 .
	$(GO) test -run='^$$' -bench='BenchmarkHooksNoProvider' -benchmem ./internal/telemetry

## bench-walk: walking 10,000 models through the iterator vs the same pages by hand (slow: about a minute)
bench-walk:
	$(GO) test -run='^$$' -bench='BenchmarkPerfWalkModels' -benchtime=2x -timeout=15m .

## specdiff: compare the operation table with an OpenAPI document: make specdiff SPEC=openapi.json
specdiff:
	$(GO) run ./cmd/istari-specdiff $(SPEC)

## examples: build every example and run each against the embedded fake registry
examples:
	@for d in $$(dirname $$(ls examples/*/main.go)); do echo "== $$d"; $(GO) run ./$$d || exit 1; done

quickstart:
	$(GO) run ./examples/quickstart

## fuzz: run every fuzz target for FUZZTIME each (the committed corpora under testdata/fuzz run in `make test` too)
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## pyref: extract routes, models and enums of the published Python client into internal/ops/testdata (venv in .cache/)
pyref:
	PYREF_VERSION=$(PYREF_VERSION) bash tools/pyref/run.sh

## crosscheck: the published Python client (PYREF_VERSION) against the istaritest fake, one scenario per domain
crosscheck:
	PYREF_VERSION=$(PYREF_VERSION) bash crosscheck/run.sh
