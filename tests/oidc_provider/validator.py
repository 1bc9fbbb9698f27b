"""The claims the test identity provider gives: the account's username, name, e-mail and
groups (as a council's provider does, for example Entra ID's ``groups`` claim)."""

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator


class CouncilValidator(OAuth2Validator):
    oidc_claim_scope = {**OAuth2Validator.oidc_claim_scope, "groups": "profile"}

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        user = request.user
        return {
            "preferred_username": user.username,
            "name": user.get_full_name(),
            "email": user.email,
            "email_verified": True,
            "groups": sorted(user.groups.values_list("name", flat=True)),
        }
