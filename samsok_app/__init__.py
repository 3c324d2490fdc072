"""The application layer, on top of everything: the `samsok` command line (`cli`, one
module per subcommand in `commands/`) and the web UI and JSON API (`web/`). It drives
the Prefect flows (`flows/`) and reads through the samsok library (`samsok/`)."""
