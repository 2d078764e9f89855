/**
 * What every module may use: the clock, the app shell and the staff layout. An open module.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.stackdesk.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
