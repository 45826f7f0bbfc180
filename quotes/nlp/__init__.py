"""Text to a spaCy Doc: loading the pipeline, its integrity check, tokenizer rules, fast ops and components."""
