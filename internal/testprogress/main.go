// Command testprogress runs `go test -json` and prints progress while the tests run, without flooding the
// log: go test's own closing lines per package ("ok", "FAIL", "?"), the full output of every failing test,
// build errors, and every 20 seconds one line with the tests passed so far and the packages still running.
// It exits with go test's status. `make test` runs it:
//
//	go run ./internal/testprogress -race -count=1 ./...
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"time"
)

type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

func main() {
	args := append([]string{"test", "-json"}, os.Args[1:]...)
	cmd := exec.CommandContext(context.Background(), "go", args...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "testprogress:", err)
		os.Exit(2)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "testprogress:", err)
		os.Exit(2)
	}

	var mu sync.Mutex
	passed, failed := 0, 0
	running := map[string]bool{}
	buf := map[string][]string{} // package + test -> output, printed when the test fails
	start := time.Now()
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(20 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				mu.Lock()
				pkgs := make([]string, 0, len(running))
				for p := range running {
					pkgs = append(pkgs, p)
				}
				slices.Sort(pkgs)
				fmt.Printf("... %s: %d tests passed, %d failed; running: %s\n",
					time.Since(start).Round(time.Second), passed, failed, strings.Join(pkgs, " "))
				mu.Unlock()
			}
		}
	}()

	sc := bufio.NewScanner(out)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var e event
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			fmt.Println(sc.Text()) // not JSON: pass it through
			continue
		}
		mu.Lock()
		key := e.Package + "\x00" + e.Test
		switch {
		case e.Action == "build-output":
			fmt.Print(e.Output)
		case e.Action == "start":
			running[e.Package] = true
		case e.Test == "" && (e.Action == "pass" || e.Action == "fail" || e.Action == "skip"):
			delete(running, e.Package)
		case e.Test == "" && e.Action == "output":
			// the package's own lines: "ok  pkg 1.2s", "FAIL pkg", "?  pkg [no test files]", panics
			if !strings.HasPrefix(e.Output, "PASS") && !strings.HasPrefix(e.Output, "=== ") {
				fmt.Print(e.Output)
			}
		case e.Action == "output":
			buf[key] = append(buf[key], e.Output)
		case e.Action == "pass" || e.Action == "skip":
			if e.Action == "pass" {
				passed++
			}
			delete(buf, key)
		case e.Action == "fail":
			failed++
			fmt.Print(strings.Join(buf[key], ""))
			delete(buf, key)
		}
		mu.Unlock()
	}
	close(done)
	err = cmd.Wait()
	fmt.Printf("%d tests passed, %d failed in %s\n", passed, failed, time.Since(start).Round(time.Second))
	if err != nil {
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			os.Exit(ee.ExitCode())
		}
		os.Exit(1)
	}
}
