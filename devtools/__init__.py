"""Developer tools, apart from the runtime: the OpenSearch node manager the tests and
`make test` use (`opensearch_node`), and the scorer of extraction against the samples'
expected records (`evaluation`). Nothing at run time imports them, except the
`samsok opensearch` developer command."""
