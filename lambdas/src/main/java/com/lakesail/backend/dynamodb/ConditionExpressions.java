package com.lakesail.backend.dynamodb;

import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.PK;
import static com.lakesail.backend.dynamodb.DynamoDbTableDefinition.VERSION;

import com.lakesail.backend.port.Condition;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Translates the port's write guards into DynamoDB condition expressions. */
final class ConditionExpressions {

    // Attribute names go through placeholders so no name can ever collide with a reserved word.
    private static final Expression NOT_EXISTS = Expression.builder()
            .expression("attribute_not_exists(#pk)").putExpressionName("#pk", PK).build();
    private static final Expression EXISTS = Expression.builder()
            .expression("attribute_exists(#pk)").putExpressionName("#pk", PK).build();

    private ConditionExpressions() {
    }

    /** @return the expression, or null for {@link Condition#none()} (DynamoDB's "no condition") */
    static Expression of(Condition condition) {
        if (condition instanceof Condition.None) {
            return null;
        }
        if (condition instanceof Condition.NotExists) {
            return NOT_EXISTS;
        }
        if (condition instanceof Condition.Exists) {
            return EXISTS;
        }
        // A missing item has no version attribute, so the comparison is false and the write fails.
        long version = ((Condition.VersionIs) condition).version();
        return Expression.builder()
                .expression("#version = :version")
                .putExpressionName("#version", VERSION)
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version)))
                .build();
    }
}
