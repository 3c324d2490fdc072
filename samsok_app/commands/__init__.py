"""The subcommands of `samsok`: each module has `HELP`, `add_arguments(parser)` and
`run(args) -> int` (see `samsok_app.cli`)."""
