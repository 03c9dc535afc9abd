package com.tierupgrade.customer;

import com.tierupgrade.web.NotFound;

public class CustomerNotFound extends NotFound {

    public CustomerNotFound(String customerId) {
        super("No customer '" + customerId + "': post facts to /customers/" + customerId + "/facts first");
    }
}
