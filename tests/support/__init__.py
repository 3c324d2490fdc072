"""The test kit shared by every test directory: repository paths (`paths`), processes
the tests start (`pause_at`), and PDF builders."""
