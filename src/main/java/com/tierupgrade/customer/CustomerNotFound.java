package com.tierupgrade.customer;

public class CustomerNotFound extends RuntimeException {

    public CustomerNotFound(String customerId) {
        super("No customer '" + customerId + "': post facts to /customers/" + customerId + "/facts first");
    }
}
