"""Workload identity authentication: pass `workload_identity=` to `OpenAI`/`AsyncOpenAI` instead of an API key, and
the client exchanges the workload's own identity token (Kubernetes, Azure, Google Cloud, or any provider of yours)
for short-lived OpenAI access tokens.

```py
from openai import OpenAI
from openai.auth import k8s_service_account_token_provider

client = OpenAI(
    workload_identity={
        "identity_provider_id": "idp_...",
        "service_account_id": "svc_acct_...",
        "provider": k8s_service_account_token_provider(),
    }
)
```
"""

from ._workload import WorkloadIdentity, SubjectTokenProvider, WorkloadIdentityAuth
from ._providers import gcp_id_token_provider, k8s_service_account_token_provider, azure_managed_identity_token_provider

__all__ = [
    "SubjectTokenProvider",
    "WorkloadIdentity",
    "WorkloadIdentityAuth",
    "k8s_service_account_token_provider",
    "azure_managed_identity_token_provider",
    "gcp_id_token_provider",
]
