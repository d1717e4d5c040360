from __future__ import annotations

import pytest

from scripts.codegen.naming import snake, pascal, singular, identifier


@pytest.mark.parametrize(
    "name, expected",
    [
        ("ChatCompletionChunk", "chat_completion_chunk"),
        ("ResponseFormatJSONSchema", "response_format_json_schema"),
        ("AdminAPIKey", "admin_api_key"),
        ("CreateEvalJSONLRunDataSource", "create_eval_jsonl_run_data_source"),
        ("ChatKitThread", "chatkit_thread"),
        ("OAuthErrorCode", "oauth_error_code"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("url_citation", "URLCitation"),
        ("fine_tuning", "FineTuning"),
        ("admin_api_keys", "AdminAPIKeys"),
        ("fine-tune", "FineTune"),
        ("json_schema", "JSONSchema"),
        ("chatkit", "ChatKit"),
        ("id", "ID"),
    ],
)
def test_pascal(text: str, expected: str) -> None:
    assert pascal(text) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("choices", "choice"),
        ("ToolCalls", "ToolCall"),
        ("TopLogprobs", "TopLogprob"),
        ("Entries", "Entry"),
        ("Statuses", "Status"),
        ("file_batches", "file_batch"),
        ("Data", "Data"),
        ("Address", "Address"),
        ("TestingCriteria", "TestingCriterion"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_identifier_drops_array_brackets_and_escapes_keywords() -> None:
    assert identifier("include[]") == "include"
    assert identifier("from") == "from_"
    assert identifier("x-request-id") == "x_request_id"
