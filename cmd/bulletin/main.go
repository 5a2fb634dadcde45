// Command bulletin turns archives of Chinese work bulletins into facts,
// figures and reports. See `bulletin help`.
package main

import (
	"os"

	"github.com/bulletin-tool/bulletin/cmd"
)

func main() {
	os.Exit(cmd.Main(os.Args[1:], cmd.DefaultIO()))
}
