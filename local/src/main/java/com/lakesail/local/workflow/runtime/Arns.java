package com.lakesail.local.workflow.runtime;

/** The ARNs the local engine hands out, shaped like Step Functions' for one region and account. */
public record Arns(String region, String account) {

    public String stateMachine(String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    public String execution(String stateMachine, String executionName) {
        return "arn:aws:states:" + region + ":" + account + ":execution:" + stateMachine + ":" + executionName;
    }

    public String roleArn() {
        return "arn:aws:iam::" + account + ":role/lakesail-local-workflows";
    }
}
