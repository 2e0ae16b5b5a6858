"""The version of ringkas, kept in this one place (the package, its build, the CLI, the web and
the HTTP user agent read it from here)."""

__version__ = "0.1.0"
