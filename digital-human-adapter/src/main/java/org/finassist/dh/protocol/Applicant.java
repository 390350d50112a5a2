package org.finassist.dh.protocol;

/**
 * The account-opening application under witness, as the brokerage's opening system relays it with the join.
 * Holds personal data: never log it; {@link #toString()} masks it.
 */
public record Applicant(String applicationId, String name, String idNumber, String broker, String product) {

    public Applicant {
        require(applicationId, "applicationId");
        require(name, "name");
        require(idNumber, "idNumber");
        require(broker, "broker");
        require(product, "product");
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("applicant." + field + " is required");
        }
    }

    /** ID number with all but the last four characters masked, for operator screens. */
    public String maskedIdNumber() {
        int keep = Math.min(4, idNumber.length());
        return "*".repeat(idNumber.length() - keep) + idNumber.substring(idNumber.length() - keep);
    }

    /** Name with all but the first character masked. */
    public String maskedName() {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    @Override
    public String toString() {
        return "Applicant[" + applicationId + ", " + maskedName() + ", " + maskedIdNumber() + "]";
    }
}
