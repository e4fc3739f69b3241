// The AI SDK's own AWS provider, as a user would compare: Amazon Bedrock.
import { createAmazonBedrock } from "@ai-sdk/amazon-bedrock";

export const bedrock = createAmazonBedrock({ region: "us-east-1" });
