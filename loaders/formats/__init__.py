"""One reader per file format. Each turns a file's bytes into plain text, one paragraph or table row a line
(table cells separated by tabs), and raises LoadError naming the problem when the file cannot be read."""
