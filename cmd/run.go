package cmd

import "github.com/spf13/cobra"

func newRunCommand(streams IO, g *globalOptions) *cobra.Command {
	return &cobra.Command{Use: "run", Hidden: true}
}
