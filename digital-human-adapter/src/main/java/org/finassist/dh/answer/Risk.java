package org.finassist.dh.answer;

/**
 * What a customer can admit that makes a witness fail unless a human clears it. Such an admission escalates at
 * once: asking again would only coach the customer towards the expected answer.
 */
public enum Risk {
    /** The account will be lent, rented, sold or handed to someone else. */
    LENDING("the account will be lent or handed to someone else"),
    /** Someone promised returns, a guarantee against loss or inside tips. */
    PROMISED_RETURNS("someone promised returns"),
    /** Someone else sets the password, trades or manages the account. */
    OPERATED_BY_OTHERS("someone else sets the password or operates the account"),
    /** The customer was told what to answer, sent, paid or pressed to open the account. */
    COACHED("coached, paid or pressed into opening the account"),
    /** The customer did not read or does not understand the risk disclosure. */
    NOT_UNDERSTOOD("did not read or does not understand the risk disclosure"),
    /** The customer acts for another person or shows another person's ID card. */
    PROXY("acting for another person");

    private final String description;

    Risk(String description) {
        this.description = description;
    }

    /** English, for the supervisor and the audit trail. */
    public String description() {
        return description;
    }
}
