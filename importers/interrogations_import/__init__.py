"""Import weekly interrogation documents (.txt / .md / .docx) as archive week sources."""
