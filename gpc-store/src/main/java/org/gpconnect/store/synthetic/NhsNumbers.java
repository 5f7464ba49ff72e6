package org.gpconnect.store.synthetic;

import java.util.Set;

/**
 * Synthetic NHS numbers: from 999 3000000 upwards, a range no test pack or the default data set
 * uses (those sit at 999 000xxxx and 969/947 numbers), each with a correct modulus 11 check digit.
 * Numbers whose check digit would be 10 are not valid NHS numbers and are skipped, as are any the
 * store already holds for a patient that is not synthetic.
 */
public final class NhsNumbers {
    static final long FIRST_BASE = 999_300_000L;

    private final Set<String> taken;
    private long next = FIRST_BASE;

    public NhsNumbers(Set<String> taken) {
        this.taken = taken;
    }

    public String next() {
        while (true) {
            String base = Long.toString(next++);
            int check = checkDigit(base);
            if (check < 10) {
                String candidate = base + check;
                if (!taken.contains(candidate)) {
                    return candidate;
                }
            }
        }
    }

    /** The modulus 11 check digit of the first nine digits; 10 means the nine digits cannot be used. */
    public static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nineDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    public static boolean isValid(String nhsNumber) {
        return nhsNumber != null && nhsNumber.matches("\\d{10}")
                && checkDigit(nhsNumber.substring(0, 9)) == nhsNumber.charAt(9) - '0';
    }
}
