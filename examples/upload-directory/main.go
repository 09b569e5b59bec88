// Command upload-directory uploads every regular file of a directory as a registry file (AddFile), two
// files at a time, showing each file's progress at 0, 25, 50, 75 and 100 percent, then prints a table of
// what was uploaded: name, size, file id and revision id.
//
//	go run ./examples/upload-directory [directory]
//
// Without a directory argument it fills a temporary directory with a few generated files of different
// sizes and uploads those. With no ISTARI_REGISTRY_URL it runs against the embedded fake registry.
package main

import (
	"flag"
	"time"

	"github.com/istari-sdk/istari-go/examples/internal/setup"
)

func main() {
	flag.Parse()
	setup.Main(10*time.Minute, run)
}
