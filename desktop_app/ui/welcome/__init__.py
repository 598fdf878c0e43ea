"""The first-run welcome page: connect, import connections, or start the local sandbox."""
