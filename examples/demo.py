"""A short tour of the client: a chat completion, the same request streamed, and a page of models.

Configured like any program using the library, through OPENAI_API_KEY and OPENAI_BASE_URL; `./scripts/demo` points
it at the local mock server, which answers with generated data.
"""

from openai import OpenAI
from openai.types.chat import ChatCompletionMessageParam

MODEL = "gpt-4o-mini"
MESSAGES: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Say hello in three languages."}]


def main() -> None:
    client = OpenAI()

    completion = client.chat.completions.create(model=MODEL, messages=MESSAGES)
    print("reply:", completion.choices[0].message.content)
    print("usage:", completion.usage)

    # The mock server chooses between a JSON and an event-stream answer by the Accept header; the real API
    # streams whenever `stream=True`, so the header is only needed here.
    stream = client.chat.completions.create(
        model=MODEL, messages=MESSAGES, stream=True, extra_headers={"Accept": "text/event-stream"}
    )
    print("streamed reply: ", end="", flush=True)
    chunks = 0
    for chunk in stream:
        chunks += 1
        if chunk.choices:
            print(chunk.choices[0].delta.content or "", end="", flush=True)
    print(f" ({chunks} chunks)")

    models = client.models.list()
    print("models:", ", ".join(model.id for model in models.data))


if __name__ == "__main__":
    main()
