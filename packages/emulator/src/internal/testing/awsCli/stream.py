# Reads InvokeEndpointWithResponseStream with the AWS CLI's own botocore (Debian's awscli ships
# it as awscli.botocore): one JSON line per event, then {"error": ...} if the stream failed.
# Usage: python3 stream.py ENDPOINT_URL ENDPOINT_NAME BODY [SESSION_ID]
import json
import sys

from awscli.botocore.session import Session

url, name, body = sys.argv[1], sys.argv[2], sys.argv[3]
client = Session().create_client("sagemaker-runtime", region_name="us-east-1", endpoint_url=url)
args = {"EndpointName": name, "Body": body.encode(), "ContentType": "application/json"}
if len(sys.argv) > 4:
    args["SessionId"] = sys.argv[4]
try:
    response = client.invoke_endpoint_with_response_stream(**args)
    print(json.dumps({"ContentType": response.get("ContentType")}), flush=True)
    for event in response["Body"]:
        for kind, value in event.items():
            payload = value["Bytes"].decode() if "Bytes" in value else value
            print(json.dumps({kind: payload}), flush=True)
except Exception as error:  # the test reads the failure's class and text
    print(json.dumps({"error": type(error).__name__, "message": str(error)}), flush=True)
    sys.exit(1)
