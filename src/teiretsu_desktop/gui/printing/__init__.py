"""Print preview, printing and saving PDFs from memory."""
