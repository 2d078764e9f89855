package com.stackdesk.security;

import com.stackdesk.base.StaffPrincipal;
import com.stackdesk.staff.Role;
import com.stackdesk.staff.StaffLookup;
import java.util.Arrays;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signs staff in from their accounts; inactive accounts are disabled (said only after the right password). */
@Service
class StaffUserDetailsService implements UserDetailsService {

    private final StaffLookup staff;

    StaffUserDetailsService(StaffLookup staff) {
        this.staff = staff;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        var member = staff.credentials(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No staff account " + username));
        // each role includes the ones below it: an admin is also a manager and a sales rep
        var roles = Arrays.stream(Role.values())
                .filter(r -> r.ordinal() <= member.role().ordinal())
                .map(Role::name)
                .toList();
        return new StaffPrincipal(
                member.id(),
                member.username(),
                member.fullName(),
                member.passwordHash(),
                roles,
                member.active(),
                member.sessionEpoch(),
                member.timeZone());
    }
}
