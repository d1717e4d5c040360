"""Streaming helpers: chat completions (`openai.lib.streaming.chat`) and the delta accumulation they share."""
