# The SageMaker bearer token as the SageMaker Python SDK's token generator makes it, computed
# with botocore (SigV4QueryAuth + AWSRequest) for a frozen clock. Reads a JSON list of cases
# on stdin, writes the list of tokens as JSON on stdout.
import base64
import datetime
import json
import sys

import botocore.auth
from botocore.auth import SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

HOST = "sagemaker.amazonaws.com"


def freeze(moment):
    # botocore >= 1.35 reads the clock through get_current_datetime; older ones call utcnow.
    if hasattr(botocore.auth, "get_current_datetime"):
        botocore.auth.get_current_datetime = lambda *args, **kwargs: moment
    else:

        class Frozen(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return moment

        botocore.auth.datetime = type("clock", (), {"datetime": Frozen})


def token(case):
    freeze(datetime.datetime.fromtimestamp(case["epochSeconds"], datetime.timezone.utc).replace(tzinfo=None))
    credentials = Credentials(case["accessKeyId"], case["secretAccessKey"], case.get("sessionToken"))
    request = AWSRequest(
        method="POST",
        url=f"https://{HOST}/",
        headers={"host": HOST},
        params={"Action": "CallWithBearerToken"},
    )
    SigV4QueryAuth(credentials, "sagemaker", case["region"], expires=case["expiresIn"]).add_auth(request)
    url = request.url.replace("https://", "", 1) + "&Version=1"
    return "sagemaker-api-key-" + base64.b64encode(url.encode("utf-8")).decode("ascii")


print(json.dumps({"botocore": botocore.__version__, "tokens": [token(c) for c in json.load(sys.stdin)]}))
